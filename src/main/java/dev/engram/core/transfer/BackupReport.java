package dev.engram.core.transfer;

/** What a backup holds: its projects, their episodes and facts. */
public record BackupReport(int projects, long episodes, long facts) {
    public String summary() {
        return String.format("%,d project%s, %,d episodes, %,d facts", projects, projects == 1 ? "" : "s", episodes, facts);
    }
}
