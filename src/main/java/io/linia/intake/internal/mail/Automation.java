package io.linia.intake.internal.mail; public enum Automation { NONE, AUTO_REPLY, BOUNCE }
