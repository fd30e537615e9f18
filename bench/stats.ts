/** Small statistics and formatting helpers for the benchmark. */

export interface Summary {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	// Nearest rank: the smallest value with at least p% of the samples at or below it.
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1] ?? Number.NaN;
}

export function summary(samples: readonly number[]): Summary {
	if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
	return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

export function fmt(value: number, unit: string): string {
	if (!Number.isFinite(value)) return "–";
	if (unit === "ms") return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
	if (unit === "µs") return `${value.toFixed(1)} µs`;
	if (unit === "x") return `${value.toFixed(2)}×`;
	if (unit === "B") return `${value.toFixed(0)} B`;
	if (unit === "MB") return `${value.toFixed(1)} MB`;
	return `${value.toFixed(2)} ${unit}`;
}

/** A markdown table with aligned columns. */
export function table(head: string[], rows: string[][]): string {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
	return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
