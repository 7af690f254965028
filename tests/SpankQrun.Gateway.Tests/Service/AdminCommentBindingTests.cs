using SpankQrun.Gateway.Slurm;

namespace SpankQrun.Gateway.Tests.Service;

/// <summary>Reading the backend binding from scontrol's output, where users write some of the text.</summary>
public sealed class AdminCommentBindingTests
{
    private static string Output(string workDir, string? adminComment, string comment = "") =>
        "JobId=5 JobName=wrap\n   UserId=qrunuser(1001) GroupId=qrunuser(1001)\n   Command=(null)\n   WorkDir=" + workDir +
        (adminComment is null ? "" : "\n   AdminComment=" + adminComment + " ") +
        (comment.Length == 0 ? "" : "\n   Comment=" + comment + " ") + "\n   StdErr=/tmp/slurm-5.out\n";

    [Fact]
    public void The_binding_after_the_work_directory_is_read()
    {
        var (backend, problem) = AdminCommentBinding.Read(Output("/tmp", """{"qrun":{"backend":"fake_brisbane"}}"""), "/tmp");

        Assert.Equal("fake_brisbane", backend);
        Assert.Null(problem);
    }

    [Fact]
    public void No_admin_comment_means_no_binding()
    {
        Assert.Equal((null, null), AdminCommentBinding.Read(Output("/tmp", null), "/tmp"));
    }

    [Fact]
    public void A_binding_forged_in_the_comment_is_not_accepted()
    {
        var forged = "x\n   AdminComment={\"qrun\":{\"backend\":\"fake_cairo\"}}";

        var (backend, _) = AdminCommentBinding.Read(Output("/tmp", null, forged), "/tmp");

        Assert.Null(backend);
    }

    [Fact]
    public void A_binding_forged_in_the_work_directory_is_refused()
    {
        var workDir = "/tmp/x\n   AdminComment={\"qrun\":{\"backend\":\"fake_cairo\"}}";

        var (backend, problem) = AdminCommentBinding.Read(Output(workDir, null), workDir);

        Assert.Null(backend);
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_forgery_beside_the_real_binding_makes_it_ambiguous()
    {
        var (backend, problem) = AdminCommentBinding.Read(
            Output("/tmp", """{"qrun":{"backend":"fake_brisbane"}}""", "AdminComment={\"qrun\":{\"backend\":\"fake_cairo\"}}"), "/tmp");

        Assert.Null(backend);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("qpu=fake_cairo")]
    [InlineData("""{"qrun":"fake_cairo"}""")]
    [InlineData("""{"qrun":{"backend":7}}""")]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""")]
    public void Other_admin_comments_bind_nothing(string value)
    {
        Assert.Equal((null, null), AdminCommentBinding.ParseValue(value));
    }

    [Fact]
    public void Usage_written_later_keeps_the_binding_readable()
    {
        Assert.Equal(("fake_brisbane", null), AdminCommentBinding.ParseValue("""{"qrun":{"backend":"fake_brisbane","usage":{"quantum_nanoseconds":5}}}"""));
    }
}
