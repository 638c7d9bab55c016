using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Com1ControlPanel.Data;

/// <summary>Reads every stored time back as UTC, whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toDb => toDb.Kind == DateTimeKind.Utc ? toDb : toDb.ToUniversalTime(),
    fromDb => DateTime.SpecifyKind(fromDb, DateTimeKind.Utc));
