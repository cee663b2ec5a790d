using HipCheck.Core.Validation;

namespace HipCheck.Core.Tests;

public class FieldErrorsTests
{
    [Fact]
    public void A_new_collector_is_valid_and_empty()
    {
        var errors = new FieldErrors();

        Assert.True(errors.IsValid);
        Assert.Empty(errors.All);
        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public void Errors_keep_their_order_and_make_the_input_invalid()
    {
        var errors = new FieldErrors();
        errors.Add("tests[0].unit", "Unknown unit.");
        errors.AddRange([new FieldError("name", "Enter the name."), new FieldError("tests[0].unit", "Second.")]);

        Assert.False(errors.IsValid);
        Assert.Equal(
            [new FieldError("tests[0].unit", "Unknown unit."), new FieldError("name", "Enter the name."), new FieldError("tests[0].unit", "Second.")],
            errors.All);
    }

    [Fact]
    public void The_dictionary_groups_messages_by_field_as_problem_details_do()
    {
        var errors = new FieldErrors();
        errors.Add("tests[0].left[1]", "Too large.");
        errors.Add("name", "Enter the name.");
        errors.Add("tests[0].left[1]", "Check the unit.");
        errors.Add("Name", "Field names are case-sensitive.");

        var dictionary = errors.ToDictionary();

        Assert.Equal(3, dictionary.Count);
        Assert.Equal(["Too large.", "Check the unit."], dictionary["tests[0].left[1]"]);
        Assert.Equal(["Enter the name."], dictionary["name"]);
        Assert.Equal(["Field names are case-sensitive."], dictionary["Name"]);
    }
}
