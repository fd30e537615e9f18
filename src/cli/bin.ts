/** Entry point of the `rete` command. */
import { run } from "./main";

process.stdout.on("error", (e: Error & { code?: string }) => {
	if (e.code === "EPIPE") process.exit(0);
});
const code = run(process.argv.slice(2), {
	out: (s) => process.stdout.write(s),
	err: (s) => process.stderr.write(s),
});
process.exitCode = code;
