// What the progress bar of long work shows, pure: the filled cells of the bar and the whole percent.
// The runner sends a progress action only when this changes, so a slice whose progress would draw the
// same frame costs no React render (issue 10: a render per 16 ms slice starved keys and frames).

/** Cells in the progress bar. */
export const PROGRESS_BAR_CELLS = 20;

export interface ProgressShown {
  readonly filledCells: number;
  readonly percent: number;
}

/** The bar's filled cells and the whole percent drawn for `fraction` (0 to 1) of the work done. */
export function progressShown(fraction: number): ProgressShown {
  return { filledCells: Math.round(fraction * PROGRESS_BAR_CELLS), percent: Math.floor(fraction * 100) };
}

/** Whether going from `before` to `after` changes what the progress bar draws. */
export function isProgressRedrawn(before: number, after: number): boolean {
  const a = progressShown(before);
  const b = progressShown(after);
  return a.filledCells !== b.filledCells || a.percent !== b.percent;
}
