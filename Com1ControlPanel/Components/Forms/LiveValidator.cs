using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Com1ControlPanel.Components.Forms;

/// <summary>
/// Validates an EditForm's model with <see cref="FormValidation"/>: a field's messages appear as soon as it is edited,
/// all of them when the form is submitted, and errors the server returned can be shown at their fields too.
/// </summary>
public sealed class LiveValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? store;
    private EditContext? subscribed;
    private readonly HashSet<string> touched = [];
    private IReadOnlyDictionary<string, string[]> serverErrors = new Dictionary<string, string[]>();
    private bool showAll;

    [CascadingParameter]
    private EditContext EditContext { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(subscribed, EditContext))
        {
            return;
        }
        Unsubscribe();
        touched.Clear();
        showAll = false;
        store = new ValidationMessageStore(EditContext);
        EditContext.OnFieldChanged += FieldChanged;
        EditContext.OnValidationRequested += ValidationRequested;
        subscribed = EditContext;
    }

    /// <summary>Shows errors the server found (keyed by property name) until the field is edited again.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        serverErrors = errors;
        showAll = true;
        Revalidate();
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        touched.Add(e.FieldIdentifier.FieldName);
        if (serverErrors.ContainsKey(e.FieldIdentifier.FieldName))
        {
            serverErrors = serverErrors.Where(kv => kv.Key != e.FieldIdentifier.FieldName).ToDictionary();
        }
        Revalidate();
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        showAll = true;
        Revalidate();
    }

    private void Revalidate()
    {
        var model = EditContext.Model;
        store!.Clear();
        foreach (var (field, messages) in FormValidation.Validate(model).Concat(serverErrors))
        {
            if (showAll || touched.Contains(field))
            {
                store.Add(new FieldIdentifier(model, field), messages);
            }
        }
        EditContext.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (subscribed is not null)
        {
            subscribed.OnFieldChanged -= FieldChanged;
            subscribed.OnValidationRequested -= ValidationRequested;
        }
    }

    public void Dispose() => Unsubscribe();
}
