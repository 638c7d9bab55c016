using System.ComponentModel.DataAnnotations;

namespace Com1ControlPanel.Infrastructure.Validation;

/// <summary>
/// Runs a form's rules: every property's attributes and the form's own cross-field rules, always both.
/// (The framework's Validator skips the cross-field rules while any attribute fails, which would hide errors.)
/// Services call it before saving; pages call it as the customer types, so both give the same messages.
/// </summary>
public static class FormValidation
{
    public static Dictionary<string, string[]> Validate(object model)
    {
        var results = new List<ValidationResult>();
        foreach (var property in model.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var context = new ValidationContext(model) { MemberName = property.Name };
            Validator.TryValidateProperty(property.GetValue(model), context, results);
        }
        if (model is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(model)));
        }
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(member => (member, r.ErrorMessage ?? "This value is not valid.")))
            .GroupBy(e => e.member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).Distinct().ToArray());
    }
}
