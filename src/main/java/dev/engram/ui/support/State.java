package dev.engram.ui.support;

/** What a screen is doing, for the view to show: idle, working (progress), or an error. */
public enum State {
    IDLE, WORKING, ERROR
}
