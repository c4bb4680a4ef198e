package org.district.lossreport.domain;

/** How a message reaches its recipient. */
public enum Channel {
    /** An email through the district's SMTP server. */
    EMAIL,
    /** A JSON POST to a chat channel's incoming webhook. */
    WEBHOOK
}
