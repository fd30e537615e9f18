/**
 * A YAML reader that treats values the way Obsidian's properties do: dates stay strings
 * (`2026-11-20`), and a number is a number only when it reads back exactly as written, so
 * `phone: 0123` and `+39 333…` stay text. Only plain data: no custom tags, nothing executed.
 */
import yaml from "js-yaml";

function exactNumber(data: string): boolean {
	if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(data)) return false;
	const n = Number(data);
	return Number.isFinite(n) && (String(n) === data || (/[.eE]/.test(data) && !/^-?0\d/.test(data)));
}

const numberType = new yaml.Type("tag:yaml.org,2002:float", {
	kind: "scalar",
	resolve: (data: unknown) => typeof data === "string" && exactNumber(data),
	construct: (data: string) => Number(data),
	predicate: (obj: unknown) => typeof obj === "number",
	represent: (obj: unknown) => String(obj),
});

const nullType = new yaml.Type("tag:yaml.org,2002:null", {
	kind: "scalar",
	resolve: (data: unknown) => data === null || data === "" || data === "~" || data === "null" || data === "Null" || data === "NULL",
	construct: () => null,
	predicate: (obj: unknown) => obj === null,
	represent: () => "null",
});

const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };

const boolType = new yaml.Type("tag:yaml.org,2002:bool", {
	kind: "scalar",
	resolve: (data: unknown) => typeof data === "string" && Object.prototype.hasOwnProperty.call(BOOLEANS, data),
	construct: (data: string) => BOOLEANS[data] ?? false,
	predicate: (obj: unknown) => typeof obj === "boolean",
	represent: (obj: unknown) => String(obj),
});

const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, numberType] });

export class YamlError extends Error {
	constructor(
		message: string,
		/** 0-based line inside the YAML text, when known. */
		readonly line: number | null,
	) {
		super(message);
	}
}

export function parseYaml(text: string): unknown {
	try {
		return yaml.load(text, { schema: SCHEMA, json: false });
	} catch (e) {
		if (e instanceof yaml.YAMLException) {
			const reason = e.reason || "invalid YAML";
			throw new YamlError(reason, typeof e.mark?.line === "number" ? e.mark.line : null);
		}
		throw e;
	}
}
