package org.district.lossreport.notify;

import java.io.IOException;

/** A delivery the recipient's side refused for good: the notification fails at once instead of being retried. */
public class PermanentDeliveryFailure extends IOException {

    public PermanentDeliveryFailure(String message) {
        super(message);
    }
}
