package org.district.inventory.rest;

/** The examples the inventory's API document gives, in one place: the ids of its objects and the CSV files. */
final class ApiExamples {

    /** A district device's id. */
    static final String DEVICE_ID = "3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21";

    /** A personal device's id. */
    static final String PERSONAL_DEVICE_ID = "8c1f4e2a-6b3d-4a5e-9f70-2d1c0b9a8e76";

    /** A person's id. */
    static final String PERSON_ID = "7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30";

    /** A charge's id. */
    static final String CHARGE_ID = "6e1b7a52-3c4d-4f8e-9a0b-2c3d4e5f6a7b";

    /** A device import file. */
    static final String DEVICE_CSV =
            "assetTag,serialNumber,type,make,model,school,sensitiveData,acquisitionType,vendor,"
                    + "purchaseOrder,cost,acquiredOn,warrantyEnd\n"
                    + "LHS-0042,5CG3281QXZ,LAPTOP,Dell,Latitude 3440,LINCOLN-HS,true,PURCHASED,CDW Government,PO-2025-00117,"
                    + "649.00,2025-08-15,2028-08-15\n";

    /** A people import file. */
    static final String PEOPLE_CSV = "districtId,givenName,familyName,email,kind,school,supervisorDistrictId,active,"
            + "departedOn,aupAcknowledgedOn\n"
            + "E10234,Jordan,Rivera,jrivera@district.example,EMPLOYEE,LINCOLN-HS,E10007,true,,2025-08-18\n";

    private ApiExamples() {}
}
