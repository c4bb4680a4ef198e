package org.district.contracts.inventory;

/** Whether a person is an employee or a student. */
public enum PersonKind {
    EMPLOYEE,
    STUDENT
}
