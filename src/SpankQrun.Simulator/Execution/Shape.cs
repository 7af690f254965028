namespace SpankQrun.Simulator.Execution;

/// <summary>Array shapes and NumPy broadcasting, as the Qiskit primitives apply them to parameter values and observables.</summary>
internal static class Shape
{
    public static int Size(IReadOnlyList<int> shape)
    {
        var size = 1;
        foreach (var dimension in shape)
        {
            size = checked(size * dimension);
        }

        return size;
    }

    public static string Format(IReadOnlyList<int> shape) => $"({string.Join(", ", shape)}{(shape.Count == 1 ? "," : "")})";

    /// <summary>The NumPy broadcast of two shapes (aligned on the right, equal or 1), or null when they do not broadcast.</summary>
    public static int[]? Broadcast(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var rank = Math.Max(left.Count, right.Count);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var l = i < rank - left.Count ? 1 : left[i - (rank - left.Count)];
            var r = i < rank - right.Count ? 1 : right[i - (rank - right.Count)];
            if (l != r && l != 1 && r != 1)
            {
                return null;
            }

            result[i] = l == 1 ? r : l;
        }

        return result;
    }

    /// <summary>The flat index into an array of <paramref name="shape"/> for a flat index into the broadcast <paramref name="broadcast"/>.</summary>
    public static int SourceIndex(int broadcastFlatIndex, IReadOnlyList<int> broadcast, IReadOnlyList<int> shape)
    {
        var index = 0;
        var stride = 1;
        var remaining = broadcastFlatIndex;
        for (var axis = broadcast.Count - 1; axis >= 0; axis--)
        {
            var coordinate = remaining % broadcast[axis];
            remaining /= broadcast[axis];
            var shapeAxis = axis - (broadcast.Count - shape.Count);
            if (shapeAxis >= 0)
            {
                if (shape[shapeAxis] != 1)
                {
                    index += coordinate * stride;
                }

                stride *= shape[shapeAxis];
            }
        }

        return index;
    }
}
