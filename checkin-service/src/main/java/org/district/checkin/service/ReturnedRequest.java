package org.district.checkin.service;

import jakarta.validation.constraints.Size;

/** IT received a returned device. */
public record ReturnedRequest(@Size(max = 1000) String note) {}
