/** An Output for `run` that keeps what the command line printed, for tests to read. */
import { Output } from "../../src/cli/main";

export function capture(): Output & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
  };
  return io;
}
