namespace HipCheck.Core.Measurement;

public enum Side
{
    Left,
    Right,
}

public static class Sides
{
    public static string Code(Side side) => side == Side.Left ? "left" : "right";

    public static Side Other(Side side) => side == Side.Left ? Side.Right : Side.Left;
}
