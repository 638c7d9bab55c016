using System.ComponentModel.DataAnnotations;
using Com1ControlPanel.Features.Domains.ContactMoves;

namespace Com1ControlPanel.Features.Hostmaster;

/// <summary>Why a hostmaster rejects a request: the customer reads it in their timeline and email.</summary>
public sealed class RejectForm
{
    [Required(ErrorMessage = "Say why in a few words: the customer reads it.")]
    [StringLength(MoveStep.MaxReason, ErrorMessage = "Keep the reason to {1} characters or fewer.")]
    public string Reason { get; set; } = "";
}
