package org.district.lossreport.notify;

/**
 * Where news about a person's device goes besides IT: their supervisor, or for a student the school's contact.
 *
 * @param email the address, or null when there is none
 * @param who whom the address belongs to, for messages ("supervisor Sam Head (E1000)")
 * @param missing why there is no address, when there is none
 */
public record SupervisorRoute(String email, String who, String missing) {

    static SupervisorRoute to(String email, String who) {
        return new SupervisorRoute(email, who, null);
    }

    static SupervisorRoute none(String missing) {
        return new SupervisorRoute(null, null, missing);
    }

    public boolean found() {
        return email != null;
    }
}
