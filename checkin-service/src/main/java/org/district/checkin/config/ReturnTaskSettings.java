package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When return tasks remind their holder and escalate to the supervisor and IT. */
@ConfigMapping(prefix = "district.return-tasks")
public interface ReturnTaskSettings {

    /** How often every replica looks for reminders and escalations due (a duration such as 5m). */
    @WithDefault("5m")
    String escalationEvery();

    /** Days before the due date the holder is reminded; 0 sends no early reminder (the one on the day still goes). */
    @WithDefault("3")
    int remindDaysBefore();

    /** Days between escalations of an overdue task to the supervisor and IT, until it is closed. */
    @WithDefault("3")
    int escalationRepeatDays();
}
