package org.district.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** District rules the registry enforces. */
@ConfigMapping(prefix = "district.inventory")
public interface InventorySettings {

    /** How long an Acceptable Use Policy acknowledgement stays valid for device assignment, in days. */
    @WithDefault("365")
    int aupValidDays();

    /** Rows written per transaction during a CSV import or bulk sync. */
    @WithDefault("500")
    int importChunkSize();

    /** Largest number of rejected rows listed in an import report (all are counted). */
    @WithDefault("1000")
    int importMaxReportedErrors();

    /** The device search. */
    Search search();

    /** The consumer of loss-report, return-task and personal-device-access events. */
    Consumers consumers();

    /** The device search. */
    interface Search {

        /**
         * Text searches with at most this many matches are answered from the trigram index alone, fetched and sorted;
         * more matches than this are dense enough to walk the asset-tag order (see DeviceRepository.search). The
         * property's earlier name, {@code district.search.text-match-cap}, still sets it.
         */
        @WithDefault("${district.search.text-match-cap:2000}")
        int textMatchCap();
    }

    /** The consumer of loss-report, return-task and personal-device-access events. */
    interface Consumers {

        /** Run it in this process. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Its Kafka consumer group. Every replica of one deployment shares it; two deployments reading the same broker
         * (a test run next to another copy of the service) need different groups, or each takes the other's
         * partitions.
         */
        @WithDefault("inventory-lifecycle")
        String group();
    }
}
