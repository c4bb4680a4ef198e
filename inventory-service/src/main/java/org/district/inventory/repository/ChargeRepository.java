package org.district.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.district.contracts.inventory.ChargeStatus;
import org.district.inventory.domain.ChargeFilter;
import org.district.inventory.domain.ChargeTotals;
import org.district.inventory.entity.Charge;
import org.district.inventory.entity.ChargePayment;
import org.district.inventory.entity.ChargeWaiver;

/** Charges, their payments and waivers: lookups, the filtered list (newest first, keyset-paginated) and balances. */
@ApplicationScoped
public class ChargeRepository implements PanacheRepositoryBase<Charge, UUID> {

    /** The charge with its person and device, read in one statement (what a view of it shows). */
    public Optional<Charge> findWithParties(UUID id) {
        return find("from Charge c join fetch c.person join fetch c.device where c.id = ?1", id)
                .firstResultOptional();
    }

    /**
     * The charge, locked for update until the transaction ends: payments and waivers on one charge, from any replica,
     * take their turns, so none of them can pay or waive what another has just settled.
     */
    public Optional<Charge> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Up to {@code limit + 1} charges matching the filter, newest first, after the charge recorded at {@code afterAt}
     * with id {@code afterId} (from the newest when null), each with its person and device.
     */
    public List<Charge> page(ChargeFilter filter, Instant afterAt, UUID afterId, int limit) {
        StringBuilder hql = new StringBuilder("from Charge c join fetch c.person join fetch c.device where true");
        if (filter.personId() != null) {
            hql.append(" and c.person.id = :person");
        }
        if (filter.deviceId() != null) {
            hql.append(" and c.device.id = :device");
        }
        if (filter.status() != null) {
            hql.append(" and c.status = :status");
        }
        if (afterAt != null) {
            hql.append(" and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))");
        }
        hql.append(" order by c.createdAt desc, c.id desc");
        TypedQuery<Charge> query = getEntityManager().createQuery(hql.toString(), Charge.class);
        if (filter.personId() != null) {
            query.setParameter("person", filter.personId());
        }
        if (filter.deviceId() != null) {
            query.setParameter("device", filter.deviceId());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (afterAt != null) {
            query.setParameter("at", afterAt);
            query.setParameter("id", afterId);
        }
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** The payments of a charge, in the order they were recorded. */
    public List<ChargePayment> payments(UUID chargeId) {
        return getEntityManager()
                .createQuery(
                        "from ChargePayment p where p.charge.id = :charge order by p.recordedAt, p.id",
                        ChargePayment.class)
                .setParameter("charge", chargeId)
                .getResultList();
    }

    /** The waivers of a charge, in the order they were recorded. */
    public List<ChargeWaiver> waivers(UUID chargeId) {
        return getEntityManager()
                .createQuery(
                        "from ChargeWaiver w where w.charge.id = :charge order by w.recordedAt, w.id",
                        ChargeWaiver.class)
                .setParameter("charge", chargeId)
                .getResultList();
    }

    /** Whether the charge already has a payment with this reference. */
    public boolean hasPaymentReference(UUID chargeId, String reference) {
        return getEntityManager()
                        .createQuery(
                                "select count(p) from ChargePayment p where p.charge.id = :charge"
                                        + " and p.reference = :reference",
                                Long.class)
                        .setParameter("charge", chargeId)
                        .setParameter("reference", reference)
                        .getSingleResult()
                > 0;
    }

    public void persistPayment(ChargePayment payment) {
        getEntityManager().persist(payment);
    }

    public void persistWaiver(ChargeWaiver waiver) {
        getEntityManager().persist(waiver);
    }

    /** The sums of all of a person's charges (zeros when they have none). */
    public ChargeTotals totalsOf(UUID personId) {
        Object[] row = getEntityManager()
                .createQuery(
                        "select count(c), coalesce(sum(case when c.status = :open then 1 else 0 end), 0),"
                                + " coalesce(sum(c.amount), 0),"
                                + " coalesce(sum(c.paid), 0), coalesce(sum(c.waived), 0)"
                                + " from Charge c where c.person.id = :person",
                        Object[].class)
                .setParameter("person", personId)
                .setParameter("open", ChargeStatus.OPEN)
                .getSingleResult();
        return new ChargeTotals(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                decimal(row[2]),
                decimal(row[3]),
                decimal(row[4]));
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(value));
        return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
