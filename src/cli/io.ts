/** Where a CLI command writes its output: stdout and stderr by default, collected strings in tests. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
