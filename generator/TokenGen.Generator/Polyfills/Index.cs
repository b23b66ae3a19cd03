// netstandard2.0 lacks System.Index, which the compiler needs for list patterns such as
// `attribute.ConstructorArguments is [{ Value: string name }]`. Only what the compiler calls is here.
namespace System
{
    internal readonly struct Index : IEquatable<Index>
    {
        private readonly int _value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The index must not be negative.");
            }

            _value = fromEnd ? ~value : value;
        }

        public int Value => _value < 0 ? ~_value : _value;

        public bool IsFromEnd => _value < 0;

        public int GetOffset(int length) => IsFromEnd ? length - ~_value : _value;

        public static implicit operator Index(int value) => new(value);

        public bool Equals(Index other) => _value == other._value;

        public override bool Equals(object? obj) => obj is Index other && Equals(other);

        public override int GetHashCode() => _value;
    }
}
