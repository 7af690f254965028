using System.Text.Json;

namespace SpankQrun.Primitives;

public static partial class PubsValidator
{
    private static void CheckParameterValues(JsonElement values, string path, List<PubsError> errors)
    {
        if (values.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PubsError(path, PubsMessages.ExpectedParameterValues(values)));
            return;
        }

        CheckNumberArray(values, path, errors);
    }

    /// <summary>Checks a rectangular nested array of numbers; returns its shape, or null after reporting an error.</summary>
    private static List<int>? CheckNumberArray(JsonElement array, string path, List<PubsError> errors)
    {
        List<int>? elementShape = null;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var elementPath = $"{path}[{index}]";
            List<int>? shape;
            if (element.ValueKind == JsonValueKind.Number)
            {
                shape = [];
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                shape = CheckNumberArray(element, elementPath, errors);
                if (shape is null)
                {
                    return null;
                }
            }
            else
            {
                errors.Add(new PubsError(elementPath, PubsMessages.ExpectedParameterValues(element)));
                return null;
            }

            if (elementShape is null)
            {
                elementShape = shape;
            }
            else if (!elementShape.SequenceEqual(shape))
            {
                errors.Add(new PubsError(elementPath, PubsMessages.RaggedArray("parameter values", FormatShape(elementShape), FormatShape(shape))));
                return null;
            }

            index++;
        }

        var result = new List<int> { array.GetArrayLength() };
        result.AddRange(elementShape ?? []);
        return result;
    }

    private static void CheckObservables(JsonElement observables, string path, List<PubsError> errors)
    {
        var labelLength = -1;
        CheckObservable(observables, path, ref labelLength, errors);
    }

    /// <summary>Checks one observable or a rectangular nested array of them; returns the array shape or null after an error.</summary>
    private static List<int>? CheckObservable(JsonElement observable, string path, ref int labelLength, List<PubsError> errors)
    {
        switch (observable.ValueKind)
        {
            case JsonValueKind.String:
                return CheckLabel(observable.GetString()!, path, ref labelLength, errors) ? [] : null;
            case JsonValueKind.Object:
                return CheckPauliMap(observable, path, ref labelLength, errors) ? [] : null;
            case JsonValueKind.Array when observable.GetArrayLength() > 0:
                List<int>? elementShape = null;
                var index = 0;
                foreach (var element in observable.EnumerateArray())
                {
                    var elementPath = $"{path}[{index}]";
                    var shape = CheckObservable(element, elementPath, ref labelLength, errors);
                    if (shape is null)
                    {
                        return null;
                    }

                    if (elementShape is null)
                    {
                        elementShape = shape;
                    }
                    else if (!elementShape.SequenceEqual(shape))
                    {
                        errors.Add(new PubsError(elementPath, PubsMessages.RaggedArray("observables", FormatShape(elementShape), FormatShape(shape))));
                        return null;
                    }

                    index++;
                }

                var result = new List<int> { observable.GetArrayLength() };
                result.AddRange(elementShape!);
                return result;
            default:
                errors.Add(new PubsError(path, PubsMessages.ExpectedObservables(observable)));
                return null;
        }
    }

    private static bool CheckPauliMap(JsonElement map, string path, ref int labelLength, List<PubsError> errors)
    {
        var any = false;
        foreach (var term in map.EnumerateObject())
        {
            any = true;
            var termPath = $"{path}['{term.Name}']";
            if (!CheckLabel(term.Name, termPath, ref labelLength, errors))
            {
                return false;
            }

            if (term.Value.ValueKind != JsonValueKind.Number || !term.Value.TryGetDouble(out var coefficient) || !double.IsFinite(coefficient))
            {
                errors.Add(new PubsError(termPath, PubsMessages.ExpectedCoefficient(term.Value)));
                return false;
            }
        }

        if (!any)
        {
            errors.Add(new PubsError(path, PubsMessages.EmptyPauliMap()));
        }

        return any;
    }

    private static bool CheckLabel(string label, string path, ref int labelLength, List<PubsError> errors)
    {
        if (label.Length == 0 || label.AsSpan().IndexOfAnyExcept("IXYZ") >= 0)
        {
            errors.Add(new PubsError(path, PubsMessages.InvalidPauliLabel(label)));
            return false;
        }

        if (labelLength >= 0 && label.Length != labelLength)
        {
            errors.Add(new PubsError(path, PubsMessages.PauliLabelLengthMismatch(label, labelLength)));
            return false;
        }

        labelLength = label.Length;
        return true;
    }

    private static string FormatShape(List<int> shape) => $"({string.Join(", ", shape)}{(shape.Count == 1 ? "," : "")})";
}
