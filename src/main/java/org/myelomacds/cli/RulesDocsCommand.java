package org.myelomacds.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "docs", mixinStandardHelpOptions = true, description = "placeholder")
final class RulesDocsCommand implements Callable<Integer> {
    @Override
    public Integer call() { return Main.USAGE; }
}
