using BranchNetwork.SharedKernel.Errors;
using BranchNetwork.SharedKernel.Resources;
using FluentValidation;
using Mediator;

namespace BranchNetwork.SharedKernel;

/// <summary>Runs every FluentValidation validator of a message before its handler, for the API and the UI alike.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = TextGuard.FieldsWithNul(message)
            .Select(field => new FluentValidation.Results.ValidationFailure(field, KernelText.Get("TextHasNul")))
            .ToList();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new ValidationFailedException(errors);
        }

        return await next(message, cancellationToken);
    }

    /// <summary>JSON names for every segment of a path: <c>Cells[0].Value</c> becomes <c>cells[0].value</c>.</summary>
    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => string.IsNullOrEmpty(part) || char.IsLower(part[0]) ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
