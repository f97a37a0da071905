package org.myelomacds.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "coverage", mixinStandardHelpOptions = true, description = "placeholder")
final class RulesCoverageCommand implements Callable<Integer> {
    @Override
    public Integer call() { return Main.USAGE; }
}
