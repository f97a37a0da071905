package org.myelomacds.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, description = "placeholder")
final class RulesDiffCommand implements Callable<Integer> {
    @Override
    public Integer call() { return Main.USAGE; }
}
