package org.myelomacds.facts;

import org.myelomacds.scenario.Samples;

/**
 * The drug catalogue's drugs (rules/terminology/ on disk), for tests that build facts by hand: facts hold the
 * catalogue's instance, which knows its class and position; {@code Drug.X} is only a name.
 */
public final class TestDrugs {
    private TestDrugs() {}

    public static final Drug ISATUXIMAB = of("ISATUXIMAB");
    public static final Drug DARATUMUMAB = of("DARATUMUMAB");
    public static final Drug LENALIDOMIDE = of("LENALIDOMIDE");
    public static final Drug POMALIDOMIDE = of("POMALIDOMIDE");
    public static final Drug THALIDOMIDE = of("THALIDOMIDE");
    public static final Drug BORTEZOMIB = of("BORTEZOMIB");
    public static final Drug CARFILZOMIB = of("CARFILZOMIB");
    public static final Drug IXAZOMIB = of("IXAZOMIB");
    public static final Drug MELPHALAN = of("MELPHALAN");
    public static final Drug CYCLOPHOSPHAMIDE = of("CYCLOPHOSPHAMIDE");
    public static final Drug DEXAMETHASONE = of("DEXAMETHASONE");
    public static final Drug PREDNISONE = of("PREDNISONE");
    public static final Drug ELOTUZUMAB = of("ELOTUZUMAB");
    public static final Drug SELINEXOR = of("SELINEXOR");

    public static Drug of(String id) {
        return Samples.terminology().drugs().find(id).orElseThrow(() -> new IllegalArgumentException("no drug " + id + " in the catalogue"));
    }
}
