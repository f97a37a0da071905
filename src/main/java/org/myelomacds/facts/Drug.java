package org.myelomacds.facts;

import java.util.List;
import java.util.Objects;

/**
 * A drug of the catalogue in {@code rules/terminology/}: one ValueSet per drug ({@code drug-lenalidomide.json}), listed
 * by the ValueSet of its class ({@code drug-class-imid.json}). The catalogue gives each drug its id ("LENALIDOMIDE"),
 * its display name ("lenalidomide", the ValueSet title), its class and its position, which orders every drug list the
 * engine prints.
 *
 * <p>The constants below are the drugs Java and DRL name ({@code drug == Drug.LENALIDOMIDE}). They carry identity only:
 * a drug's class, codes and names are stated once, in the catalogue, and a rulebase whose catalogue lacks one of them
 * is refused. Facts always hold the catalogue's instance; two drugs are equal when their ids are.
 */
public final class Drug implements Comparable<Drug> {
    public static final Drug ISATUXIMAB = named("ISATUXIMAB");
    public static final Drug DARATUMUMAB = named("DARATUMUMAB");
    public static final Drug LENALIDOMIDE = named("LENALIDOMIDE");
    public static final Drug POMALIDOMIDE = named("POMALIDOMIDE");
    public static final Drug BORTEZOMIB = named("BORTEZOMIB");
    public static final Drug CARFILZOMIB = named("CARFILZOMIB");
    public static final Drug MELPHALAN = named("MELPHALAN");
    public static final Drug CYCLOPHOSPHAMIDE = named("CYCLOPHOSPHAMIDE");
    public static final Drug CARMUSTINE = named("CARMUSTINE");
    public static final Drug BUSULFAN = named("BUSULFAN");
    public static final Drug TREOSULFAN = named("TREOSULFAN");
    public static final Drug THIOTEPA = named("THIOTEPA");
    public static final Drug FLUDARABINE = named("FLUDARABINE");

    /**
     * The drugs given as the conditioning of a stem-cell transplant (high-dose melphalan; busulfan, treosulfan, thiotepa
     * and carmustine, BEAM's alkylator; fludarabine, with busulfan or melphalan before an allogeneic one): given in the
     * days just before a transplant they go with it, not with a regimen of their own (LineOfTherapyDeriver; project
     * policy CDS-POLICY-ORAL-CONDITIONING for all but melphalan).
     */
    public static final java.util.Set<Drug> TRANSPLANT_CONDITIONING = java.util.Set.of(MELPHALAN, BUSULFAN, TREOSULFAN,
            THIOTEPA, CARMUSTINE, FLUDARABINE);

    /** The drugs named in Java, which the catalogue must define. */
    public static final List<Drug> NAMED_IN_JAVA = List.of(ISATUXIMAB, DARATUMUMAB, LENALIDOMIDE, POMALIDOMIDE,
            BORTEZOMIB, CARFILZOMIB, MELPHALAN, CARMUSTINE, BUSULFAN, TREOSULFAN, THIOTEPA,
            FLUDARABINE);

    private final String id;
    private final String displayName;
    private final DrugClass drugClass;
    private final int order;

    private Drug(String id, String displayName, DrugClass drugClass, int order) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.drugClass = drugClass;
        this.order = order;
    }

    /** A reference by id, for code that names a drug; it has no class until looked up in the catalogue. */
    public static Drug named(String id) {
        return new Drug(id, id.toLowerCase(java.util.Locale.ROOT).replace('_', ' '), null, Integer.MAX_VALUE);
    }

    /** A drug as the terminology catalogue defines it. */
    public static Drug catalogued(String id, String displayName, DrugClass drugClass, int order) {
        return new Drug(id, displayName, Objects.requireNonNull(drugClass, "drugClass"), order);
    }

    /** The id, as the Assessment prints it ("LENALIDOMIDE"). */
    public String name() { return id; }
    /** Lower-case name as used in regimens.yaml and in text ("lenalidomide"). */
    public String displayName() { return displayName; }
    /** Position in the catalogue; drug lists are printed in this order. */
    public int getOrder() { return order; }
    public boolean isCatalogued() { return drugClass != null; }

    public DrugClass getDrugClass() {
        if (drugClass == null) {
            throw new IllegalStateException("Drug." + id + " is a name, not the catalogue's drug: look it up in the terminology");
        }
        return drugClass;
    }

    public boolean isAntiCd38() { return getDrugClass() == DrugClass.ANTI_CD38; }

    @Override public int compareTo(Drug o) {
        int c = Integer.compare(order, o.order);
        return c != 0 ? c : id.compareTo(o.id);
    }
    @Override public boolean equals(Object o) { return o instanceof Drug d && id.equals(d.id); }
    @Override public int hashCode() { return id.hashCode(); }
    @Override public String toString() { return id; }
}
