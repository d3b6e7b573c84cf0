using Mediator;

namespace BranchNetwork.SharedKernel;

/// <summary>
/// Neutralises bidirectional controls in a request's free text before its handler, for the API and the pages alike
/// (ADR 0018). Registered after validation: names and codes carrying them have been refused by then (the
/// <c>NoControlCharacters</c> rule), so stripping every string that is left changes free text only.
/// </summary>
public sealed class TextNeutralisationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TextGuard.StripBidiControls(message);
        return next(message, cancellationToken);
    }
}
