package org.district.lossreport.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.district.support.readmodel.DeviceReadModel;

/**
 * What this service knows of one of inventory's devices, from its newest snapshot. Reports are validated and authorized
 * against it, so they are accepted while inventory-service is down. Written only by the read-model consumer.
 */
@Entity
@Table(name = "device_view")
public class KnownDevice extends DeviceReadModel {

    public String make;

    public String model;

    /** For people: "Dell Latitude 5440 (laptop)". */
    public String description() {
        StringBuilder out = new StringBuilder();
        if (make != null) {
            out.append(make);
        }
        if (model != null) {
            out.append(out.length() > 0 ? " " : "").append(model);
        }
        if (type != null) {
            String kind = type.name().toLowerCase().replace('_', ' ');
            out.append(out.length() > 0 ? " (" + kind + ")" : kind);
        }
        return out.toString();
    }
}
