/**
 * Why a CZ formula cell cannot be converted (转换为普通公式): the reasons the pane's preview and the
 * CLI's `convert` report show beside each cell. Templates take {cell} (an A1 address) or {value}.
 */
import { defineMessages } from "../i18n";

export const convertText = defineMessages(
  "convert",
  {
    neighbour_outside: "CZ.SPLIT 的第二个值在右侧单元格 {cell}，请把它也选入范围",
    neighbour_taken: "右侧单元格 {cell} 有其他公式，不能覆盖",
    error_value: "当前值是错误值 {value}，不能改写为数值",
    no_value: "当前没有计算结果，不能改写为数值",
    spill_unknown: "此函数的结果溢出到多个单元格，只能将整个溢出区域转换为数值；无法确定该区域，未转换",
    spill_outside: "溢出区域的单元格 {cell} 没有可用的值，请选中整个溢出区域后再转换",
  },
  {
    neighbour_outside: "CZ.SPLIT's second value is in {cell} to the right: include it in the range",
    neighbour_taken: "The cell to the right, {cell}, holds another formula and is not overwritten",
    error_value: "The current value is the error {value}; it cannot become a value",
    no_value: "No computed result yet; it cannot become a value",
    spill_unknown: "This function's result spills over several cells and can only become values as its whole spill range; that range is unknown here, so it is not converted",
    spill_outside: "Cell {cell} of the spill range has no usable value: select the whole spill range and convert again",
  },
);
