/**
 * What rules may use besides the document model. Everything here is handed in by the caller
 * (the VS Code adapter or the CLI), so the core never reads files itself.
 */
export interface RuleServices {
  /** Screening engine over the loaded lists; absent when no lists are loaded. */
  screener?: import('../screening/screener').Screener;
  /** Score bands for sanctioned-party severities (0..1). */
  screeningBands?: { error: number; warning: number; info: number };
}
