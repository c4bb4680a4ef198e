package org.district.checkin.config;

import io.smallrye.config.ConfigMapping;
import org.district.support.web.ConsoleLinks;

/**
 * Where people are sent in the IT console, which took over the IT dashboard and the pages around signing out: the
 * console's address ({@code district.links.console-base-url}) and its pages' addresses, as {@link ConsoleLinks} builds
 * them.
 */
@ConfigMapping(prefix = "district.links")
public interface LinkSettings extends ConsoleLinks {}
