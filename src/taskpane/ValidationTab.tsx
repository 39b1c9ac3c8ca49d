/** The validation tab lives in ./validation/ (components, reducer, store); App imports it from here. */
export { ValidationTab } from "./validation/ValidationTab";
