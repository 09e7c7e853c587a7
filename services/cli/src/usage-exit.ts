// Commander's own usage errors (unknown option or command, missing or invalid argument) would exit 1
// with a hint on a second line; casepulse promises one line naming the mistake and exit code 2.
import { CommanderError, type Command } from "commander";

/** A message on one line: an argument echoed back may hold newlines or control characters. */
export function oneLine(message: string): string {
  return message.replace(/[\s\p{Cc}]+/gu, " ").trim();
}

export function oneLineUsageErrors(command: Command): Command {
  command.exitOverride().configureOutput({
    outputError: (text, write) => write(`casepulse: ${oneLine(text.replace(/^error: /, ""))} (see casepulse --help)\n`),
  });
  // Subcommands added with addCommand do not inherit these settings.
  for (const sub of command.commands) oneLineUsageErrors(sub);
  return command;
}

/** The exit code for a CommanderError: 0 after --help or --version, 2 for a usage mistake. */
export function usageExitCode(err: CommanderError): number {
  return err.exitCode === 0 ? 0 : 2;
}

export { CommanderError };
