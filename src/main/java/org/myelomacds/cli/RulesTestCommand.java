package org.myelomacds.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true, description = "placeholder")
final class RulesTestCommand implements Callable<Integer> {
    @Override
    public Integer call() { return Main.USAGE; }
}
