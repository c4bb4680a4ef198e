package org.district.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages every member of staff uses (the page frame, My devices, reporting a loss, My reports, the
 * police case number, My charges, personal devices and their requests), in English; {@code messages/staff_es.properties} has them in Spanish, and a
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

    @Message("This form already filed a report with other details. Check My reports first: sending it again files a"
            + " second report.")
    String filedFromThisFormBefore();

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

    // ---------------------------------------------------------------- personal devices

    @Message("Principal")
    String rolePrincipal();

    @Message("My personal devices")
    String myPersonalDevices();

    @Message("Personal device requests")
    String personalDeviceRequests();

    @Message("Your own devices that you use for district work. The principal of your school decides whether you may,"
            + " until the end of the school year; district IT can then connect the device.")
    String personalIntro();

    @Message("Register my own device")
    String registerOwnDevice();

    @Message("You have not registered a device of your own.")
    String noPersonalDevices();

    @Message("{tag} is registered as your device. The principal of your school is asked to decide; you are told by"
            + " email when they do.")
    String personalRegistered(String tag);

    @Message("You asked again for {tag}. The principal of your school is asked to decide.")
    String askedAgain(String tag);

    @Message("Personal device {tag}")
    String personalDeviceTitle(String tag);

    @Message("Access")
    String access();

    @Message("Approved until")
    String approvedUntil();

    @Message("Approval ended")
    String approvalEnded();

    @Message("Requested")
    String requested();

    @Message("Renewal requested")
    String renewalRequested();

    @Message("What it is used for")
    String purpose();

    @Message("Reason")
    String reason();

    @Message("Owner")
    String owner();

    @Message("School")
    String school();

    @Message("Asset tag")
    String assetTag();

    @Message("Lock and locate if lost or stolen")
    String lockLocate();

    @Message("Consented")
    String consented();

    @Message("Not consented")
    String notConsented();

    @Message("Decided by")
    String decidedBy();

    @Message("The principal")
    String byPrincipal();

    @Message("District IT")
    String byIt();

    @Message("An approver of the school")
    String byApprover();

    @Message("District systems")
    String bySystems();

    @Message("A renewal waits for a decision; the approval stays in force until its last day.")
    String renewalWaiting();

    @Message("You can ask to renew it from {date}.")
    String renewFrom(String date);

    @Message("Ask again")
    String askAgain();

    @Message("Renew")
    String renew();

    @Message("Ask again for {tag}")
    String askAgainFor(String tag);

    @Message("Renew {tag}")
    String renewTag(String tag);

    @Message("Asks the principal of your school to decide again. Change what you will use it for if it has changed.")
    String askAgainHint();

    @Message("Only your most recent devices are shown. If one is missing, ask district IT.")
    String moreThanShown();

    @Message("Tell the principal of your school about the device you want to use for district work. It is registered"
            + " as yours; it can be approved only while your yearly Acceptable Use Policy acknowledgement is current.")
    String registerIntro();

    @Message("Make")
    String make();

    @Message("For example Apple or Samsung.")
    String makeHint();

    @Message("Model")
    String model();

    @Message("For example MacBook Air 13.")
    String modelHint();

    @Message("As the maker prints it on the device or in its settings.")
    String serialHint();

    @Message("What I will use it for")
    String purposeLabel();

    @Message("The principal reads this, for example \"Grading and lesson planning at home and in class\".")
    String purposeHint();

    @Message("Lock and locate")
    String consentLegend();

    @Message("If you report the device lost or stolen, the district locks it and finds where it is only if you"
            + " consent. The district never wipes (erases) a personal device: what is on it stays yours.")
    String consentExplain();

    @Message("I consent to the district locking and locating this device if I report it lost or stolen.")
    String consentLabel();

    @Message("Register the device and ask for access")
    String submitRegister();

    @Message("Choose the type of device.")
    String chooseType();

    @Message("Enter the make of the device, for example Apple.")
    String enterMake();

    @Message("Enter the model of the device, for example MacBook Air 13.")
    String enterModel();

    @Message("Enter the serial number of the device.")
    String enterSerial();

    @Message("Say what you will use the device for.")
    String enterPurpose();

    @Message("A device with this serial number is already registered. If it is yours, find it in My personal devices;"
            + " otherwise tell district IT.")
    String serialTaken();

    @Message("Requests and renewals waiting for your decision, newest first.")
    String requestsIntro();

    @Message("Nothing is waiting for a decision.")
    String noRequests();

    @Message("Renewal")
    String renewal();

    @Message("Older requests")
    String olderRequests();

    @Message("Decide")
    String decide();

    @Message("An approval runs until the end of the school year, with the owner's consent to lock and locate as they"
            + " gave it. It needs the owner's Acceptable Use Policy acknowledgement to be current.")
    String decideIntro();

    @Message("Approve")
    String approve();

    @Message("Note (optional)")
    String approveNote();

    @Message("Approve {tag}")
    String approveTag(String tag);

    @Message("Refuse")
    String refuse();

    @Message("Why you refuse")
    String refuseReason();

    @Message("The owner is told, for example \"Student records stay on district laptops\".")
    String refuseReasonHint();

    @Message("Refuse {tag}")
    String refuseTag(String tag);

    @Message("Say why you refuse: the owner is told.")
    String enterRefuseReason();

    @Message("The device cannot be approved yet")
    String cannotApproveYet();

    @Message("{name} has not acknowledged the Acceptable Use Policy this school year, so the device cannot be approved."
            + " The request keeps waiting: ask {name} to acknowledge the policy, then approve it.")
    String aupNotCurrent(String name);

    @Message("Approved until {date}. The owner is told.")
    String approvedNotice(String date);

    @Message("Refused. The owner is told why.")
    String refusedNotice();

    @Message("Access removed. The owner and the approvers of the school are told why.")
    String removedNotice();

    @Message("This is your own device: another approver of your school, or district IT, decides on it.")
    String ownDevice();

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
