package org.district.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the pages show for the services' codes (LOST, IN_STOCK, CHROMEBOOK). Kept in a message bundle, so a district
 * can translate them with a properties file per language (msg_es.properties) without touching a template.
 */
@MessageBundle("msg")
public interface Msg {

    @Message("{#when status}{#is 'IN_STOCK'}In stock{#is 'ASSIGNED'}Assigned{#is 'LOST'}Lost{#is 'STOLEN'}Stolen"
            + "{#is 'RECOVERED'}Recovered{#is 'QUARANTINED'}Quarantined{#is 'IN_REPAIR'}In repair{#is 'RETIRED'}Retired"
            + "{#is 'WRITTEN_OFF'}Written off{#else}{status}{/when}")
    String status(String status);

    @Message(
            "{#when type}{#is 'LAPTOP'}Laptop{#is 'CHROMEBOOK'}Chromebook{#is 'DESKTOP'}Desktop{#is 'TABLET'}Tablet"
                    + "{#is 'MESSAGING_DEVICE'}Messaging device{#is 'SMARTPHONE'}Smartphone{#is 'OTHER'}Other{#else}{type}{/when}")
    String type(String type);

    @Message("{#when ownership}{#is 'DISTRICT'}District{#is 'PERSONAL'}Personal{#else}{ownership}{/when}")
    String ownership(String ownership);

    @Message("{#when kind}{#is 'LOST'}Lost{#is 'STOLEN'}Stolen{#else}{kind}{/when}")
    String kind(String kind);

    @Message("{#when command}{#is 'LOCK'}Lock{#is 'WIPE'}Wipe{#is 'LOCATE'}Locate{#else}{command}{/when}")
    String command(String command);

    @Message("{#when status}{#is 'PENDING'}Waiting for the device{#is 'DELIVERED'}Sent to the device"
            + "{#is 'DONE'}Done{#is 'REFUSED'}Refused by the device{#is 'CANCELLED'}Cancelled{#is 'FAILED'}Failed"
            + "{#else}{status}{/when}")
    String commandStatus(String status);

    @Message("{#when reason}{#is 'DEPARTURE'}Departure{#is 'LOAN'}Loaner{#else}{reason}{/when}")
    String returnReason(String reason);

    @Message("{#when status}{#is 'OPEN'}Open{#is 'OVERDUE'}Overdue{#is 'RETURNED'}Returned{#is 'CLOSED'}Closed"
            + "{#is 'RECOVERED'}Recovered{#is 'WRITTEN_OFF'}Written off{#else}{status}{/when}")
    String taskStatus(String status);

    @Message("{#when action}{#is 'REGISTERED'}Registered{#is 'CREATED'}Created{#is 'UPDATED'}Details changed"
            + "{#is 'ASSIGNED'}Assigned{#is 'RETURNED'}Taken back{#is 'STATUS_CHANGED'}Status changed"
            + "{#is 'SANITIZED'}Sanitized{#is 'RECOVERED'}Recovered{#is 'QUARANTINED'}Quarantined"
            + "{#is 'WRITTEN_OFF'}Written off{#is 'EVENT_IGNORED'}Event not applied{#is 'DEPARTED'}Left the district"
            + "{#is 'AUP_ACKNOWLEDGED'}Acceptable use policy acknowledged{#is 'REPLACEMENT_ISSUED'}Replacement issued"
            + "{#is 'PERSONAL_ACCESS_REQUESTED'}Access asked for{#is 'PERSONAL_ACCESS_RENEWAL_REQUESTED'}Asked again"
            + "{#is 'PERSONAL_ACCESS_APPROVED'}Access approved{#is 'PERSONAL_ACCESS_REFUSED'}Access refused"
            + "{#is 'PERSONAL_ACCESS_EXPIRED'}Approval expired{#is 'PERSONAL_ACCESS_REMOVED'}Access removed"
            + "{#else}{action}{/when}")
    String action(String action);

    @Message(
            "{#when consumer}{#is 'it-notifier'}District IT{#is 'supervisor-notifier'}The supervisor{#is 'police-reminder'}The reporter, for the police case number{#else}{consumer}{/when}")
    String notified(String consumer);

    @Message("{#when status}{#is 'PENDING'}Waiting to be sent{#is 'RETRYING'}Being retried{#is 'SENT'}Delivered"
            + "{#is 'FAILED'}Could not be delivered{#else}{status}{/when}")
    String delivery(String status);

    @Message("{#when action}{#is 'REPORTED'}Reported{#is 'RECOVERED'}Recovered{#is 'WRITTEN_OFF'}Written off"
            + "{#is 'POLICE_REPORT'}Police case number added{#is 'RECLASSIFIED'}Changed between lost and stolen"
            + "{#is 'NOTE'}Note added{#else}{action}{/when}")
    String reportAction(String action);

    @Message(
            "{#when operation}{#is 'ASSIGN'}Assign to a person{#is 'RETURN'}Take back{#is 'SANITIZE'}Record sanitization"
                    + "{#else}{#when status}{#is 'LOST'}Mark lost{#is 'STOLEN'}Mark stolen{#is 'IN_REPAIR'}Send to repair"
                    + "{#is 'RETIRED'}Retire{#is 'QUARANTINED'}Quarantine{#is 'RECOVERED'}Mark recovered"
                    + "{#is 'WRITTEN_OFF'}Write off{#is 'IN_STOCK'}Put back in stock{#is 'ASSIGNED'}Hand back to its owner"
                    + "{#else}{status}{/when}{/when}")
    String move(String operation, String status);

    @Message("{#when reason}{#is 'DAMAGE'}Damage{#is 'LOSS'}Loss{#else}{reason}{/when}")
    String chargeReason(String reason);

    @Message("{#when status}{#is 'OPEN'}Open{#is 'PAID'}Paid{#is 'WAIVED'}Waived{#is 'SETTLED'}Settled"
            + "{#else}{status}{/when}")
    String chargeStatus(String status);

    @Message("{#when access}{#is 'PENDING'}Waiting for a decision{#is 'APPROVED'}Approved{#is 'REFUSED'}Refused"
            + "{#is 'EXPIRED'}Expired{#is 'REMOVED'}Access removed{#else}{access}{/when}")
    String access(String access);
}
