package org.district.inventory.domain;

import java.math.BigDecimal;

/**
 * The sums of one person's charges: how many, how many still OPEN, and what was charged, paid and waived in US
 * dollars.
 */
public record ChargeTotals(long charges, long open, BigDecimal charged, BigDecimal paid, BigDecimal waived) {

    /** What is still owed: charged less paid and waived. */
    public BigDecimal outstanding() {
        return charged.subtract(paid).subtract(waived);
    }
}
