package org.myelomacds.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"myeloma-cds " + (v == null ? "(development build)" : v)};
    }
}
