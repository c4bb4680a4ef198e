package org.district.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages every member of staff uses (the page frame, My devices, reporting a loss, My reports, the
 * police case number, My charges), in English; {@code messages/staff_es.properties} has them in Spanish, and a
 * district adds a language with one more file. Templates call them as {@code staff:}.
 */
@MessageBundle(value = "staff", locale = "en")
public interface Staff {

    // ---------------------------------------------------------------- the page frame

    @Message("District devices")
    String brand();

    @Message("Skip to content")
    String skip();

    @Message("Sign out")
    String signOut();

    @Message("Main")
    String mainNavigation();

    @Message("Language")
    String language();

    @Message("There is a problem")
    String problem();

    @Message("Pages")
    String pages();

    @Message("My devices")
    String myDevices();

    @Message("My reports")
    String myReports();

    @Message("My team's devices")
    String teamDevices();

    @Message("No device is assigned to you or to the people you supervise.")
    String noTeamDevices();

    @Message("Held by {name}")
    String heldBy(String name);

    @Message("Holder")
    String holder();

    @Message("Loaner")
    String loaner();

    @Message("Due back on")
    String dueBackOn();

    @Message("Staff")
    String roleStaff();

    @Message("Supervisor")
    String roleSupervisor();

    // ---------------------------------------------------------------- My devices and a device

    @Message("No device is assigned to you. If you have a district device that is not listed, ask district IT to"
            + " assign it to you.")
    String noDevices();

    @Message("Report {tag} lost or stolen")
    String reportLoss(String tag);

    @Message("Device")
    String device();

    @Message("Type")
    String type();

    @Message("Serial number")
    String serialNumber();

    @Message("Not recorded")
    String notRecorded();

    // ---------------------------------------------------------------- reporting a loss

    @Message("{tag}{#if description}, {description}{/if}{#if serial} (serial {serial}){/if}. District IT and your"
            + " supervisor are told at once; if the device goes online, it is locked.")
    String reportIntro(String tag, String description, String serial);

    @Message("Lost or stolen?")
    String lostOrStolen();

    @Message("I lost it")
    String iLostIt();

    @Message("It was stolen")
    String itWasStolen();

    @Message("When did you last have it?")
    String whenLastHad();

    @Message("Your best guess, in local time ({zone}).")
    String whenHint(String zone);

    @Message("Date")
    String date();

    @Message("Time")
    String time();

    @Message("Where did you last have it?")
    String whereLastHad();

    @Message("For example \"Room 114\" or \"the 5:10 bus, route 7\".")
    String whereHint();

    @Message("How did it happen?")
    String howItHappened();

    @Message("What you remember: where you looked, who was around. Do not include other people's personal details.")
    String howHint();

    @Message("Your phone number")
    String phone();

    @Message("So IT can reach you about the device.")
    String phoneHint();

    @Message("Have you told the police?")
    String toldPolice();

    @Message("A theft needs a police report; you can add the case number later from My reports.")
    String policeHint();

    @Message("Yes")
    String yes();

    @Message("Not yet")
    String notYet();

    @Message("Police agency (if you told them)")
    String policeAgencyIfTold();

    @Message("Case number (if you have one)")
    String caseNumberIfAny();

    @Message("Report {tag}")
    String fileReport(String tag);

    @Message("Cancel")
    String cancel();

    @Message("Choose whether the device was lost or stolen.")
    String chooseKind();

    @Message("Enter the date you last had the device, for example 12/04/2026.")
    String enterDate();

    @Message("Enter the time you last had the device, for example 2:30 PM.")
    String enterTime();

    @Message("Enter where you last had the device.")
    String enterWhere();

    @Message("Say how it happened, in a few words.")
    String enterHow();

    @Message("Enter a phone number IT can reach you on.")
    String enterPhone();

    // ---------------------------------------------------------------- My reports and the police case number

    @Message("Report {number} is filed. District IT and your supervisor have been told.")
    String filed(String number);

    @Message("The police case number is added to {number}.")
    String policeRecorded(String number);

    @Message("You have not reported a device lost or stolen. If one goes missing, report it from")
    String noReports();

    @Message("Reported")
    String reported();

    @Message("Police case {number}")
    String policeCase(String number);

    @Message("The police case number is still needed.")
    String caseNumberNeeded();

    @Message("No police report needed.")
    String noPoliceNeeded();

    @Message("Add the police case number to {number}")
    String addCaseNumberTo(String number);

    @Message("Older reports")
    String olderReports();

    @Message("Police case number for {number}")
    String policeFormTitle(String number);

    @Message("Police agency")
    String policeAgency();

    @Message("Case number")
    String caseNumber();

    @Message("Add the case number")
    String addCaseNumber();

    // ---------------------------------------------------------------- My charges

    @Message("My charges")
    String myCharges();

    @Message("What you owe the district for devices you damaged or lost. District IT records your payments; ask them"
            + " if something here looks wrong.")
    String chargesIntro();

    @Message("In all")
    String inAll();

    @Message("You owe {amount}.")
    String youOwe(String amount);

    @Message("You owe nothing.")
    String owesNothing();

    @Message("You have no charges for district devices.")
    String noCharges();

    @Message("Charged")
    String charged();

    @Message("Paid")
    String paid();

    @Message("Waived")
    String waived();

    @Message("Outstanding")
    String outstanding();

    @Message("Recorded")
    String recorded();

    @Message("Older charges")
    String olderCharges();

    // ---------------------------------------------------------------- pages that cannot be shown

    @Message("Not found")
    String notFoundTitle();

    @Message("There is no such record, or it is not one you may see. Check the address, or find it from the lists.")
    String notFoundDetail();

    @Message("Sign in again")
    String signInAgainTitle();

    @Message("Your sign-in has ended. Reload the page to sign in again.")
    String signInAgainDetail();

    @Message("That could not be done")
    String refusedTitle();

    @Message("Not available right now")
    String unavailableTitle();

    @Message("A district service did not answer as expected. Try again in a minute; if it keeps happening, tell"
            + " district IT.")
    String unexpectedAnswerDetail();

    @Message("A district service is not answering. Try again in a minute; if it keeps happening, tell district IT.")
    String notAnsweringDetail();

    @Message("Something went wrong")
    String failedTitle();

    @Message("The page could not be shown. Try again; if it keeps happening, tell district IT the time it happened.")
    String failedDetail();

    @Message("Not for your role")
    String forbiddenTitle();

    @Message("This page or action is not part of your role. Use the navigation above for what you can do.")
    String forbiddenDetail();

    @Message("Go to the start page")
    String goToStart();
}
