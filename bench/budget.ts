/**
 * The budgets of the design (DESIGN.md, "Budgets") as the bench checks them:
 * each measured figure against its budget, met or missed as computed from the
 * figure; a figure that could not be measured is missed, never met.
 */

/** One budget checked against one measured figure. */
export interface BudgetCheck {
  /** The budget as DESIGN.md words it, e.g. `matcher alone, min+gzip`. */
  readonly name: string;
  /** The measured figure, or undefined when it could not be measured (then the budget is missed). */
  readonly figure: number | undefined;
  /** The limit. */
  readonly limit: number;
  /** `at-most` for "at or below", `under` for a strict bound. */
  readonly bound: 'at-most' | 'under';
  /** The unit the figure and limit are in, e.g. `B`, `ms`, `x`. */
  readonly unit: string;
  /** What the figure is, when it needs saying (e.g. `8 vs 2 catalogs`). */
  readonly note?: string;
}

/** Whether a figure meets its budget. */
export function met(check: BudgetCheck): boolean {
  if (check.figure === undefined || !Number.isFinite(check.figure)) return false;
  return check.bound === 'under' ? check.figure < check.limit : check.figure <= check.limit;
}

const format = (value: number, unit: string): string => {
  if (unit === 'B') return `${Math.round(value)} B`;
  if (unit === 'x') return `${value.toFixed(2)}x`;
  return `${value.toFixed(2)} ${unit}`;
};

/** The bench line of one budget: its figure, its budget and the ratio of the two. */
export function budgetLine(check: BudgetCheck): string {
  const limit = `${check.bound === 'under' ? 'under' : 'at most'} ${format(check.limit, check.unit)}`;
  if (check.figure === undefined) return `${check.name}: NOT MEASURED (budget ${limit}): missed`;
  return `${check.name}: ${format(check.figure, check.unit)} (budget ${limit}; ${(check.figure / check.limit).toFixed(2)} of it)${check.note === undefined ? '' : `; ${check.note}`}: ${met(check) ? 'met' : 'MISSED'}`;
}

/** The closing table: every budget, its figure, met or missed. */
export function budgetTable(checks: readonly BudgetCheck[]): string {
  const rows = checks.map((check) => [
    check.name,
    check.figure === undefined ? 'not measured' : format(check.figure, check.unit),
    `${check.bound === 'under' ? '<' : '<='} ${format(check.limit, check.unit)}`,
    check.figure === undefined ? '–' : (check.figure / check.limit).toFixed(2),
    met(check) ? 'met' : 'MISSED',
  ]);
  const lines = ['| budget | figure | budget | of budget | result |', '|---|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)];
  const missed = checks.filter((check) => !met(check)).length;
  lines.push('', `${checks.length - missed} of ${checks.length} budgets met${missed === 0 ? '' : `, ${missed} missed`}.`);
  return lines.join('\n');
}
