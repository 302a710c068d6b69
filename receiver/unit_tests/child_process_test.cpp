#include "child_process.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <thread>

#include "temp_dir.hpp"

namespace heymilo::receiver {
namespace {

using std::chrono::seconds;
const std::atomic<bool> kNoCancel{false};

TEST(ChildProcess, GetsThePayloadOnStdinAndTheIdentifiersInItsEnvironment) {
  const ChildResult result =
      run_child(R"sh(test "$(cat)" = '{"a":1}' && test "$HEYMILO_EVENT" = report_available && )sh"
                R"sh(test "$HEYMILO_INTERVIEW_ID" = I1 && test "$HEYMILO_POSTING_ID" = P1)sh",
                R"({"a":1})",
                {{"HEYMILO_EVENT", "report_available"},
                 {"HEYMILO_INTERVIEW_ID", "I1"},
                 {"HEYMILO_POSTING_ID", "P1"}},
                seconds(10), kNoCancel);
  EXPECT_TRUE(result.ok) << result.error;
}

TEST(ChildProcess, ANonZeroExitFailsWithItsStatusAndOutput) {
  const ChildResult result =
      run_child("echo broken ATS >&2; exit 3", "", {}, seconds(10), kNoCancel);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("exit status 3"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("broken ATS"), std::string::npos) << result.error;
}

TEST(ChildProcess, AHandlerThatIgnoresALargeStdinDoesNotKillTheCaller) {
  const std::string megabyte(1 << 20, 'x');
  const ChildResult result = run_child("exit 0", megabyte, {}, seconds(10), kNoCancel);
  EXPECT_TRUE(result.ok) << result.error;
  const ChildResult reads =
      run_child("wc -c | grep -q 1048576", megabyte, {}, seconds(10), kNoCancel);
  EXPECT_TRUE(reads.ok) << reads.error;
}

TEST(ChildProcess, ATimeoutKillsTheHandlerAndWhatItStarted) {
  testing::TempDir dir;
  const std::string pid_file = dir.file("pid");
  const ChildResult result = run_child("sleep 30 & echo $! > " + pid_file + "; wait", "", {},
                                       std::chrono::milliseconds(300), kNoCancel);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("timeout"), std::string::npos) << result.error;
  pid_t grandchild = 0;
  std::ifstream(pid_file) >> grandchild;
  ASSERT_GT(grandchild, 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {  // reaped by init shortly after the kill
    gone = ::kill(grandchild, 0) != 0;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone);
}

TEST(ChildProcess, CancelStopsIt) {
  std::atomic<bool> cancel{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel = true;
  });
  const ChildResult result = run_child("sleep 30", "", {}, seconds(60), cancel);
  stopper.join();
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.error.find("stopped"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace heymilo::receiver
