using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Tests.Search;

public sealed class ProgressBarTests
{
    [Fact]
    public void Redirected_output_gets_one_line_per_ten_percent_with_counts()
    {
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: false, width: 10);
        for (var done = 0; done <= 1000; done += 50)
            bar.Draw((done, 1000));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.Equal("[----------]         0 / 1,000 件 (0%)", lines[0].TrimEnd());
        Assert.Equal("[#####-----]       500 / 1,000 件 (50%)", lines[5].TrimEnd());
        Assert.Equal("[##########]     1,000 / 1,000 件 (100%)", lines[^1].TrimEnd());
    }

    [Fact]
    public void A_terminal_gets_the_bar_redrawn_in_place()
    {
        var output = new StringWriter();
        var bar = new ProgressBar(output, interactive: true, width: 4);
        bar.Draw((1, 4));
        bar.Draw((4, 4));
        bar.Finish();
        Assert.Equal("\r[#---]         1 / 4 件 (25%)\r[####]         4 / 4 件 (100%)" + Environment.NewLine, output.ToString());
    }
}
