package org.district.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the system before the first test class that needs it; JUnit stops it after the last test of the run. */
public class SystemExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        DistrictSystem.get(context);
    }
}
