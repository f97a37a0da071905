package org.myelomacds.facts;

/** Drugs the engine recognises (codes: clinical-evidence.md §9.4, held in fhir.terminology.MedicationCodes). */
public enum Drug {
    ISATUXIMAB(DrugClass.ANTI_CD38),
    DARATUMUMAB(DrugClass.ANTI_CD38),
    LENALIDOMIDE(DrugClass.IMID),
    POMALIDOMIDE(DrugClass.IMID),
    THALIDOMIDE(DrugClass.IMID),
    BORTEZOMIB(DrugClass.PROTEASOME_INHIBITOR),
    CARFILZOMIB(DrugClass.PROTEASOME_INHIBITOR),
    IXAZOMIB(DrugClass.PROTEASOME_INHIBITOR),
    MELPHALAN(DrugClass.ALKYLATOR),
    CYCLOPHOSPHAMIDE(DrugClass.ALKYLATOR),
    DEXAMETHASONE(DrugClass.CORTICOSTEROID),
    PREDNISONE(DrugClass.CORTICOSTEROID),
    ELOTUZUMAB(DrugClass.ANTI_SLAMF7),
    SELINEXOR(DrugClass.XPO1_INHIBITOR),
    TECLISTAMAB(DrugClass.BISPECIFIC_ANTIBODY),
    ELRANATAMAB(DrugClass.BISPECIFIC_ANTIBODY),
    TALQUETAMAB(DrugClass.BISPECIFIC_ANTIBODY),
    CILTACABTAGENE_AUTOLEUCEL(DrugClass.CAR_T),
    IDECABTAGENE_VICLEUCEL(DrugClass.CAR_T);

    private final DrugClass drugClass;

    Drug(DrugClass drugClass) { this.drugClass = drugClass; }

    public DrugClass getDrugClass() { return drugClass; }
    public boolean isAntiCd38() { return drugClass == DrugClass.ANTI_CD38; }
    /** Lower-case name as used in regimens.yaml and in text ("lenalidomide"). */
    public String displayName() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }
}
