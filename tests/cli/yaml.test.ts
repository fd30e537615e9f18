/** The CLI's YAML reader: Obsidian's value rules. */
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/cli/yaml";

describe("parseYaml", () => {
	it("dates stay text, numbers only when they read back as written, booleans only by name", () => {
		expect(parseYaml("met: 2023-05-17\nphone: 0123\nn: 42\nx: 1.50\nok: True\ny: yes\nc: constructor\nt: toString\nv: valueOf\nh: hasOwnProperty\np: __proto__")).toStrictEqual({
			met: "2023-05-17",
			phone: "0123",
			n: 42,
			x: 1.5,
			ok: true,
			y: "yes",
			c: "constructor",
			t: "toString",
			v: "valueOf",
			h: "hasOwnProperty",
			p: "__proto__",
		});
	});
});
