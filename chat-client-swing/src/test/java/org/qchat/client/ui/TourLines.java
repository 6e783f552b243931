package org.qchat.client.ui;

import org.qchat.client.i18n.Language;

/**
 * What the people in the screenshots are called and say, in the screenshot's language. Each
 * person is {username, nickname, signature}. {@code files} names what is sent in the picture of
 * pictures and files: Bob's photo, the trail map he sends after it, my packing list. Bob writes
 * {@code recalled} and takes it back, sets the group's {@code notice}, and {@code search} is typed
 * into the main window's search box.
 */
record TourLines(String password, String nickname, String signature, String[] bob, String[] carol, String[] dave,
                 String[] erin, String hello, String erinNote, String[] chat, String[] carolUnread, String group,
                 String[] groupChat, String[] files, String recalled, String notice, String search) {

    static TourLines of(Language language) {
        return language == Language.CHINESE ? chinese() : english();
    }

    private static TourLines english() {
        return new TourLines("alice-password", "Alice Chen", "Climbing, coffee and code ☕",
                new String[]{"bob", "Bob Li", "Weekends are for the mountains"},
                new String[]{"carol", "Carol Wang", "Reading: The Three-Body Problem"},
                new String[]{"dave", "Dave Smith", "Back on Monday"},
                new String[]{"erin", "Erin Zhou", "New in town"},
                "Hi Alice, it's me!",
                "Hi Alice, we met at the climbing gym!",
                new String[]{
                    "Hi Alice! Are you free on Saturday?",
                    "Yes! What's the plan?",
                    "A hike up Fragrant Hills, then hotpot 😀",
                    "Count me in 😄 I'll start a group for everyone.",
                    "Great, see you at the north gate at eight."},
                new String[]{"Did you see the photos from last week?", "I'll send them tonight"},
                "Weekend hike",
                new String[]{
                    "Saturday 8:00 at the north gate — who's in?",
                    "I'm in 🙂",
                    "Me too, I'll bring snacks",
                    "Can't make it this time, have fun!"},
                new String[]{"fragrant-hills.jpg", "Fragrant Hills trail map.pdf", "Packing list.xlsx"},
                "Oops, wrong photo",
                "Bring water and a rain jacket: we go rain or shine",
                "Saturday");
    }

    private static TourLines chinese() {
        return new TourLines("xiaoming-password", "小明", "爱爬山，也爱写代码 ☕",
                new String[]{"lihua", "李华", "周末去爬山"},
                new String[]{"wangfang", "王芳", "正在读《三体》"},
                new String[]{"zhangwei", "张伟", "周一回来"},
                new String[]{"liuyang", "刘洋", "刚搬来这座城市"},
                "你好小明，是我！",
                "你好小明，我们在攀岩馆见过！",
                new String[]{
                    "小明，周六有空吗？",
                    "有空！什么安排？",
                    "去香山爬山，然后吃火锅 😀",
                    "算我一个 😄 我建个群叫上大家。",
                    "好，周六早上八点北门见。"},
                new String[]{"上周的照片你看到了吗？", "我今晚发给你"},
                "周末徒步",
                new String[]{
                    "周六早上八点北门集合，谁去？",
                    "我去 🙂",
                    "我也去，我带零食",
                    "这次去不了，玩得开心！"},
                new String[]{"香山.jpg", "香山徒步路线图.pdf", "装备清单.xlsx"},
                "发错照片了",
                "带好水和雨衣，风雨无阻",
                "周六");
    }
}
