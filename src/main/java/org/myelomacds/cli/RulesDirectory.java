package org.myelomacds.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The rule directory a rules subcommand works on (--rules), shared so every subcommand names it the same way. */
final class RulesDirectory {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "rule directory (default: ${DEFAULT-VALUE})")
    Path dir;

    Path path() { return dir; }

    /** How the directory's files are named in messages: relative to the working directory when inside it. */
    String displayPrefix() { return RulesCommand.displayPrefix(dir); }
}
